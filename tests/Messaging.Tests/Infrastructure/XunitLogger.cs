using Microsoft.Extensions.Logging;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>Host logs into the test's output, which dotnet test shows when the test fails.</summary>
public sealed class XunitLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        try
        {
            output.WriteLine($"{(DateTimeOffset.UtcNow - _start).TotalSeconds,7:F3}s {line}");
        }
        catch (InvalidOperationException)
        {
            // A background service logging after its test finished.
        }
    }

    private sealed class Logger(XunitLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var head = category.Contains('<') ? category[..category.IndexOf('<')] : category;
            var shortCategory = head[(head.LastIndexOf('.') + 1)..];
            provider.Write($"{logLevel,-11} {shortCategory}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
