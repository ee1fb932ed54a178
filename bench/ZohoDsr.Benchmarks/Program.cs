using System.Reflection;
using BenchmarkDotNet.Running;
using ZohoDsr.Benchmarks;

// dotnet run -c Release --project bench/ZohoDsr.Benchmarks -- <scenario | list | BenchmarkDotNet arguments>
var scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(t => typeof(IScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args is ["list"])
{
    foreach (var s in scenarios)
    {
        Console.WriteLine($"{s.Name,-20} {s.Description}");
    }

    Console.WriteLine("Anything else is passed to BenchmarkDotNet (e.g. --filter '*' --job Dry).");
    return 0;
}

if (args.Length > 0 && scenarios.FirstOrDefault(s => s.Name == args[0]) is { } scenario)
{
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cts.Cancel();
    };
    var report = new ScenarioReport(scenario.Name);
    await scenario.RunAsync(report, cts.Token);
    Console.WriteLine($"Written {report.Save()}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
