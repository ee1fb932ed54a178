using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests;

/// <summary>The log scan's collection: not parallel, so it runs after every other test of the project.</summary>
[CollectionDefinition(LogScan.CollectionName, DisableParallelization = true)]
public sealed class LogScanCollection
{
}
