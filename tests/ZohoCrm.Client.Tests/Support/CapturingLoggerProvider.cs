using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZohoCrm.Client.Tests;

/// <summary>Captures every log line: the formatted message, every structured value and any exception text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder()
                .Append(category).Append(' ').Append(eventId.Id).Append(' ').Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (KeyValuePair<string, object?> pair in values)
                {
                    line.Append(" | ").Append(pair.Key).Append('=').Append(pair.Value);
                }
            }

            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            owner.Lines.Enqueue(line.ToString());
        }
    }
}
