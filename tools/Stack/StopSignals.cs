using System.Runtime.InteropServices;

namespace CityEServices.Stack;

/// <summary>
/// SIGTERM (what ./city sends on Ctrl-C and ./city stop sends), SIGINT and SIGHUP (a closed terminal)
/// all mean "stop the stack": the process stays alive until it has.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _stop.Cancel();
            }))];
    }

    public CancellationToken Token => _stop.Token;

    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
