using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZohoDsr.Local.Tests.Support;

/// <summary>Keeps every log entry (level, event id, category, message, exception) so tests can check what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_entries, categoryName);

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, int EventId, string Category, string Message, Exception? Exception);

    private sealed class CapturingLogger(ConcurrentQueue<Entry> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new Entry(logLevel, eventId.Id, category, formatter(state, exception), exception));
    }
}
