using System.Reflection;
using BenchmarkDotNet.Running;
using ZohoDsr.Benchmarks;

// dotnet run -c Release --project bench/ZohoDsr.Benchmarks -- <scenario [--quick] | list | BenchmarkDotNet arguments>
var scenarios = ScenarioCatalog.All();

if (args is ["list"])
{
    foreach (var s in scenarios)
    {
        Console.WriteLine($"{s.Name,-20} {s.Description}");
    }

    Console.WriteLine("Add --quick for a scenario's small form (written to bench/results/quick/).");
    Console.WriteLine("Anything else is passed to BenchmarkDotNet (e.g. --filter '*' --job Dry).");
    return 0;
}

if (args.Length > 0 && scenarios.FirstOrDefault(s => s.Name == args[0]) is { } scenario)
{
    var unknown = args.Skip(1).Where(a => a != "--quick").ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"error: unknown argument '{unknown[0]}' for scenario {scenario.Name}; the only option is --quick.");
        return 2;
    }

    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cts.Cancel();
    };
    var options = new ScenarioOptions { Quick = args.Contains("--quick") };
    var report = new ScenarioReport(scenario.Name, ScenarioReport.DefaultDirectory(options.Quick));
    await scenario.RunAsync(report, options, cts.Token);
    Console.WriteLine($"Written {report.Save()}");
    var failed = report.Checks.Where(c => !c.Passed).ToList();
    if (failed.Count > 0)
    {
        Console.Error.WriteLine($"{failed.Count} check(s) failed: {string.Join("; ", failed.Select(c => c.Name))}");
        return 1;
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
