using ZohoCrm.Simulator;

namespace ZohoDsr.Local.Hosting;

/// <summary>How to start the local host (the <c>serve</c> command, the <c>demo</c> command and tests).</summary>
public sealed class LocalHostOptions
{
    /// <summary>The default address: the same port <c>func start</c> uses.</summary>
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>The org id of the simulated demo org.</summary>
    public const string DemoOrgId = "demo";

    /// <summary>The folder, under the working directory, holding the local host's state (Azurite's data).</summary>
    public const string DefaultStateFolder = ".zohodsr";

    /// <summary>Where Kestrel listens; port 0 picks a free port.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Command-line style configuration arguments (<c>--Zoho:Orgs:x:ClientId=...</c>).</summary>
    public IReadOnlyList<string> Args { get; set; } = [];

    /// <summary>Extra configuration applied last (wins over every other source).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads appsettings.json, environment variables and user secrets (<c>zohodsr-local</c>). Tests turn this off.</summary>
    public bool UseAmbientConfiguration { get; set; } = true;

    /// <summary>
    /// True: always start the simulator with a seeded demo org; false: never; null (default): only when no org is
    /// configured under <c>Zoho:Orgs</c>.
    /// </summary>
    public bool? UseSimulator { get; set; }

    /// <summary>What the demo org is seeded with: a few thousand records and the planted subjects.</summary>
    public SeedSpec DemoSeed { get; set; } = new() { Contacts = 600, Leads = 300, Cases = 200, RelatedPerContact = 1, RandomSeed = 42 };

    /// <summary>Options of the in-process simulator.</summary>
    public SimulatorOptions? SimulatorOptions { get; set; }

    /// <summary>The export folder (default <c>.local-exports</c> under the current directory) unless configured.</summary>
    public string? ExportPath { get; set; }

    /// <summary>
    /// The folder of the host's durable state when no Storage account is configured: Azurite keeps the task hub there
    /// (default <c>.zohodsr</c> under the current directory).
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>A task hub of its own (the demo's); null: host.json's <c>hubName</c>.</summary>
    public string? TaskHub { get; set; }

    /// <summary>Deletes the task hub when the host stops (the demo's throwaway hub).</summary>
    public bool DeleteTaskHubOnStop { get; set; }

    /// <summary>The least severe log level written to the console.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Further logging set up after the host's own (tests add a capturing provider here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>The clock of the host's HTTP contract (the signature tolerance).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
