using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.TestSupport;

/// <summary>
/// A Key Vault secrets endpoint on 127.0.0.1 over HTTPS (a self-signed certificate made here), speaking the REST API the
/// real <c>SecretClient</c> uses: <c>GET /secrets/{name}/{version?}</c> and <c>PUT /secrets/{name}</c> with
/// <c>api-version</c>, a 401 bearer challenge for unauthenticated requests, <c>SecretNotFound</c> errors.
/// </summary>
public sealed class LocalKeyVault : IAsyncDisposable
{
    public const string AccessToken = "local-vault-token";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private int _challenges;
    private int _reads;

    private LocalKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri VaultUri { get; private set; } = null!;

    public int Challenges => _challenges;

    public int Reads => _reads;

    public ConcurrentQueue<string> ApiVersions { get; } = new();

    public static async Task<LocalKeyVault> StartAsync()
    {
        X509Certificate2 certificate = CreateCertificate();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        WebApplication app = builder.Build();
        LocalKeyVault vault = new(app, certificate);
        app.Use(vault.AuthorizeAsync);
        app.MapGet("/secrets/{name}/{version?}", vault.Get);
        app.MapPut("/secrets/{name}", vault.PutAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        vault.VaultUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return vault;
    }

    /// <summary>Stores a secret as an operator would.</summary>
    public void Seed(string name, string value) => _secrets[name] = Bundle(name, value, null, null, null);

    public JsonObject? Stored(string name) => _secrets.TryGetValue(name, out JsonObject? secret) ? secret : null;

    /// <summary>A handler that trusts this vault's self-signed certificate, and no other.</summary>
    public HttpClientHandler TrustingHandler()
    {
        string thumbprint = Certificate.Thumbprint;
        return new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint };
    }

    /// <summary>The real <see cref="SecretClient"/> of this vault over <paramref name="handler"/>, without retries.</summary>
    public SecretClient Client(HttpClientHandler handler, TokenCredential? credential = null)
    {
        SecretClientOptions options = new()
        {
            Transport = new HttpClientTransport(handler),
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return new SecretClient(VaultUri, credential ?? new LocalVaultCredential(), options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task AuthorizeAsync(HttpContext context, RequestDelegate next)
    {
        ApiVersions.Enqueue(context.Request.Query["api-version"].ToString());
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
        {
            Interlocked.Increment(ref _challenges);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"https://vault.azure.net\"";
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Unauthorized", message = "AKV10000: Request is missing a Bearer or PoP token." } });
            return;
        }

        await next(context);
    }

    private IResult Get(string name)
    {
        Interlocked.Increment(ref _reads);
        return _secrets.TryGetValue(name, out JsonObject? secret)
            ? Results.Text(secret.ToJsonString(), "application/json")
            : Results.Json(
                new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } },
                statusCode: StatusCodes.Status404NotFound);
    }

    private async Task<IResult> PutAsync(string name, HttpRequest request)
    {
        JsonObject body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        JsonObject secret = Bundle(
            name,
            body["value"]!.GetValue<string>(),
            body["contentType"]?.GetValue<string>(),
            body["attributes"]?["exp"]?.GetValue<long>(),
            body["tags"]?.AsObject());
        _secrets[name] = secret;
        return Results.Text(secret.ToJsonString(), "application/json");
    }

    private JsonObject Bundle(string name, string value, string? contentType, long? expires, JsonObject? tags)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        JsonObject attributes = new() { ["enabled"] = true, ["created"] = now, ["updated"] = now, ["recoveryLevel"] = "Recoverable+Purgeable" };
        if (expires is { } exp)
        {
            attributes["exp"] = exp;
        }

        JsonObject secret = new()
        {
            ["value"] = value,
            ["id"] = $"{VaultUri}secrets/{name}/{Guid.NewGuid():N}",
            ["attributes"] = attributes,
        };
        if (contentType is not null)
        {
            secret["contentType"] = contentType;
        }

        if (tags is not null)
        {
            secret["tags"] = JsonNode.Parse(tags.ToJsonString());
        }

        return secret;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using RSA key = RSA.Create(2048);
        CertificateRequest request = new("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        SubjectAlternativeNameBuilder names = new();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
