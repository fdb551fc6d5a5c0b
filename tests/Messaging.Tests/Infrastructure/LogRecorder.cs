using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>Keeps every formatted log message of a host, so a test can wait for what the code says it is doing.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public int Count(string fragment) => _messages.Count(m => m.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Recorder(_messages);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
