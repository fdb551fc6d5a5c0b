using CityEServices.Web.Audit;

namespace CityEServices.TestSupport;

/// <summary>The archive's answer as a test sets it: no heads (the default), some heads, or unreachable (<see cref="Unreachable"/>).</summary>
public sealed class ArchivedHeadsStub : IArchivedHeads
{
    private volatile IReadOnlyList<ArchivedHead>? _heads = [];

    public void Hold(params ArchivedHead[] heads) => _heads = heads;

    public void Unreachable() => _heads = null;

    public void Reset() => _heads = [];

    public Task<IReadOnlyList<ArchivedHead>?> GetAsync(string service, CancellationToken cancellationToken) => Task.FromResult(_heads);
}
