namespace CityEServices.TestSupport;

/// <summary>Something that writes its logs into the output of the test running now.</summary>
public interface ILogsToTestOutput
{
    TestOutputSink Log { get; }
}

/// <summary>
/// A test class of a long-lived service fixture: while one of its tests runs, the service's logs go to
/// that test's output (shown when it fails), and nowhere once it ends.
/// </summary>
public abstract class ServiceTest<TService> : IDisposable
    where TService : ILogsToTestOutput
{
    protected ServiceTest(TService service, ITestOutputHelper output)
    {
        Service = service;
        service.Log.Current = output;
    }

    protected TService Service { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A test class with things of its own to dispose (a gRPC channel, a client) overrides this and calls it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Service.Log.Current = null;
        }
    }
}
