namespace ZohoDsr.Benchmarks.Harness;

/// <summary>The three requests the cost scenario runs per subject.</summary>
public enum RequestMode
{
    Access,
    DeleteDryRun,
    Delete,
}
