using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.TestSupport;

/// <summary>
/// Keeps every log line (message, and each structured value) so tests can check what was logged; every line also goes to
/// the test-run-wide <see cref="TestLogCapture"/>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            string line = $"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {{{values}}} {exception}";
            lines.Enqueue(line);
            TestLogCapture.Add(line);
        }
    }
}
