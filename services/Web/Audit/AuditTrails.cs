namespace CityEServices.Web.Audit;

/// <summary>A service's hash-chained audit tables, the default first, under the name it publishes their heads as.</summary>
public sealed record AuditTrails(string Service, IReadOnlyList<string> Tables);
