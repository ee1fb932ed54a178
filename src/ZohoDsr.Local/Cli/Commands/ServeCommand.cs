using System.CommandLine;
using System.Globalization;
using ZohoCrm.Simulator;
using ZohoDsr.Local.Hosting;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary>The host (the default command, also <c>serve</c>): the HTTP contract on Kestrel until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var command = new Command("serve", "Run the local host (the default command).");
        Configure(command, timeProvider);
        return command;
    }

    /// <summary>Adds <c>--urls</c> / <c>--port</c> and the serve action to <paramref name="command"/> (the root or <c>serve</c>).</summary>
    public static void Configure(Command command, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(command);
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {LocalHostOptions.DefaultUrls})." };
        var port = new Option<int?>("--port") { Description = "Listen on http://127.0.0.1:PORT (0: a free port)." };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        command.Add(urls);
        command.Add(port);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            var options = new LocalHostOptions
            {
                Urls = parseResult.GetValue(urls)
                    ?? (parseResult.GetValue(port) is int p ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{p}") : LocalHostOptions.DefaultUrls),
                TimeProvider = timeProvider,
            };
            LocalAuditSubjectKey.EnsureIn(UserSecretsFile.Default()); // the audit subject key, generated on first use
            return await RunAsync(options, context, cancellationToken).ConfigureAwait(false);
        }, timeProvider);
    }

    /// <summary>Starts the host, prints how to use it, waits for Ctrl+C, then cancels what still runs and reports it.</summary>
    public static async Task<int> RunAsync(LocalHostOptions options, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        LocalHost host = await LocalHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            if (context.Json)
            {
                RequestReport.WriteJson(context, new
                {
                    baseAddress = host.BaseAddress.AbsoluteUri,
                    orgs = host.OrgIds,
                    simulated = host.Demo is not null,
                    exportPath = host.ExportPath,
                    signingSecret = host.SigningSecretGenerated ? host.SigningSecret : null,
                    subjects = host.Demo?.Seed.Subjects.Select(s => new { s.Name, s.Email, records = s.TotalExpected }),
                });
            }
            else
            {
                WriteBanner(context.Output, host);
            }

            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine("Stopping: canceling requests still running...");
            IReadOnlyList<CanceledRequest> canceled = await host.StopAsync().ConfigureAwait(false);
            foreach (CanceledRequest request in canceled)
            {
                context.Output.WriteLine($"  request {request.RequestId} (org {request.OrgId}) canceled: {request.Status}");
            }

            context.Output.WriteLine(canceled.Count == 0 ? "Stopped; no request was running." : $"Stopped; {canceled.Count} request(s) canceled.");
        }

        return ExitCodes.Ok;
    }

    public static void WriteBanner(TextWriter output, LocalHost host)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(host);
        string baseUrl = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        output.WriteLine($"ZohoDsr local host listening on {baseUrl}");
        if (host.Demo is { } demo)
        {
            int records = demo.Seed.RecordsByModule.Values.Sum();
            output.WriteLine($"Zoho CRM: in-process simulator, org '{demo.OrgId}' seeded with {records:N0} records (no Zoho:Orgs configured).");
        }
        else
        {
            output.WriteLine($"Zoho CRM orgs: {string.Join(", ", host.OrgIds)}");
        }

        output.WriteLine($"Exports: {host.ExportPath}");
        output.WriteLine(host.SigningSecretGenerated
            ? $"Webhook signing secret (generated for this run): {host.SigningSecret}"
            : "Webhook signing secret: from ZohoDsr:Webhook:SigningSecret");

        string org = host.Demo?.OrgId ?? host.OrgIds.FirstOrDefault() ?? LocalHostOptions.DemoOrgId;
        string email = "someone@example.com";
        if (host.Demo is { } seeded)
        {
            output.WriteLine("Planted subjects (synthetic demo data):");
            foreach (PlantedSubject subject in seeded.Seed.Subjects)
            {
                output.WriteLine($"  {subject.Name,-28} {subject.Email,-40} {subject.TotalExpected,5} records");
            }

            email = DemoSubjects.Pick(seeded.Seed).Email;
        }

        string secret = host.SigningSecretGenerated ? host.SigningSecret : "$ZohoDsr__Webhook__SigningSecret";
        output.WriteLine();
        output.WriteLine("Try next, in another terminal:");
        output.WriteLine($"  dotnet run --project src/ZohoDsr.Local --no-build -- submit --type access --email {email} --org {org} --url {baseUrl} --secret {secret} --wait");
        output.WriteLine("or with curl (signed with openssl):");
        output.WriteLine(
            $"  BODY='{{\"requestId\":\"try-1\",\"type\":\"access\",\"subject\":{{\"email\":\"{email}\"}},\"orgId\":\"{org}\"}}'; TS=$(date +%s); "
            + $"SIG=$(printf '%s.%s' \"$TS\" \"$BODY\" | openssl dgst -sha256 -hmac \"{secret}\" -r | cut -d' ' -f1); "
            + $"curl -s -X POST {baseUrl}/api/dsr -H 'Content-Type: application/json' -H \"X-ZohoDsr-Timestamp: $TS\" -H \"X-ZohoDsr-Signature: sha256=$SIG\" -d \"$BODY\"");
        output.WriteLine($"  curl -s '{baseUrl}/api/dsr/try-1?orgId={org}'");
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
