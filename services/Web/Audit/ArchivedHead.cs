namespace CityEServices.Web.Audit;

/// <summary>The newest head of one trail the archive holds.</summary>
public sealed record ArchivedHead(string Trail, long Sequence, string Hash, DateTimeOffset PublishedAt);

/// <summary>Where a service's verification finds the heads the archive kept; null when the archive cannot be asked now.</summary>
public interface IArchivedHeads
{
    Task<IReadOnlyList<ArchivedHead>?> GetAsync(string service, CancellationToken cancellationToken);
}
