using System.Collections.Concurrent;

namespace CityEServices.Web.Authorization;

/// <summary>
/// A counter per office and per person, raised when office management says something about them
/// changed. Cached answers are keyed by both counters, so raising one retires every answer about that
/// office (every operator there) or that person (at any office) without finding and deleting them.
/// </summary>
public sealed class AuthorizationGenerations
{
    private readonly ConcurrentDictionary<string, long> _offices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _people = new(StringComparer.Ordinal);

    public string KeyOf(string officeCode, string nationalId) =>
        $"{_offices.GetValueOrDefault(officeCode)}.{_people.GetValueOrDefault(nationalId)}";

    public void OfficeChanged(string officeCode) => _offices.AddOrUpdate(officeCode, 1, (_, n) => n + 1);

    public void PersonChanged(string nationalId) => _people.AddOrUpdate(nationalId, 1, (_, n) => n + 1);
}
