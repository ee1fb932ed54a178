using System.Diagnostics;
using ZohoCrm.Simulator;

// Standalone simulator: dotnet run --project src/ZohoCrm.Simulator -- --urls http://127.0.0.1:5080
var url = "http://127.0.0.1:5080";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--urls")
    {
        url = args[i + 1];
    }
}

if (!url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) && !url.StartsWith("http://localhost:", StringComparison.Ordinal))
{
    Console.Error.WriteLine("--urls must be a loopback address such as http://127.0.0.1:5080");
    return 2;
}

await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Url = url, LogToConsole = true });
var org = host.AddOrg(new SimOrgSpec { OrgId = "demo", DataCenter = "US", Edition = ZohoEdition.Enterprise });
var watch = Stopwatch.StartNew();
var seed = org.Seed(new SeedSpec());
Console.WriteLine($"Zoho CRM simulator on {host.BaseUri}");
Console.WriteLine($"Seeded org '{org.OrgId}' in {watch.Elapsed.TotalSeconds:F1} s: "
    + string.Join(", ", seed.RecordsByModule.Select(p => $"{p.Key} {p.Value}")));
Console.WriteLine($"  data centre     {org.DataCenter}");
Console.WriteLine($"  accounts URL    {host.AccountsUrl(org.DataCenter)}");
Console.WriteLine($"  api_domain      {host.ApiDomain(org.DataCenter)}");
Console.WriteLine($"  client id       {org.ClientId}");
Console.WriteLine($"  client secret   {org.ClientSecret}");
Console.WriteLine($"  refresh token   {org.RefreshToken}");
Console.WriteLine("  planted subjects (synthetic test data):");
foreach (var subject in seed.Subjects)
{
    Console.WriteLine($"    {subject.Name,-13} {subject.Email,-28} {subject.TotalExpected} records");
}

Console.WriteLine("Admin: GET /__sim/orgs, GET /__sim/orgs/demo/counters, POST /__sim/orgs/demo/records/{module} ({\"data\":[...]}),");
Console.WriteLine("       GET|POST /__sim/orgs/demo/faults, GET /__sim/orgs/demo/records/{module}/{id}, GET /__sim/orgs/demo/recycle-bin. Ctrl+C stops.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
return 0;
