namespace CityEServices.Archive.Features;

/// <summary>
/// The by-law for an office operator acting in the archive: their office active and licensed for
/// <c>URBAN_FILE</c> (the urban-planning file every dossier belongs to), they active there, certified
/// and not expired. Office management decides, through the one shared check every service asks
/// (<see cref="OfficeAuthorizations"/>); it runs on top of the archive's own rule that an operator
/// works only on files opened at their office. Anyone not acting as an operator is not asked about.
/// </summary>
public sealed class OperatorByLaw(OfficeAuthorizations offices)
{
    /// <summary>The service type an operator's archive work falls under.</summary>
    public const string ServiceType = ServiceTypes.UrbanFile;

    /// <summary>Null when <paramref name="caller"/> is not an operator, or is one office management authorises now; else the 403 (or 503).</summary>
    public Task<Problem?> CheckAsync(Caller caller, CancellationToken cancellationToken) =>
        DossierAccessRules.IsOperator(caller)
            ? offices.CheckOperatorAsync(caller, ServiceType, cancellationToken)
            : Task.FromResult<Problem?>(null);
}
