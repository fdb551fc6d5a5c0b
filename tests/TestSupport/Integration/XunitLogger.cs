using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CityEServices.TestSupport;

/// <summary>Where a long-lived service writes its logs: the output of the test running now, shown when it fails.</summary>
public sealed class TestOutputSink
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public ITestOutputHelper? Current { get; set; }

    public void Write(string line)
    {
        try
        {
            Current?.WriteLine($"{_sinceStart.Elapsed.TotalSeconds,8:F3}s {line}");
        }
        catch (InvalidOperationException)
        {
            // A background service logging between tests.
        }
    }
}

public sealed class XunitLoggerProvider(TestOutputSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestOutputSink sink, string category) : ILogger
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
            sink.Write($"{logLevel,-11} {shortCategory}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
