namespace CityEServices.UrbanPlanning.Features.Files;

/// <summary>
/// The by-law on everything done with a file or read from it, the one way every use case asks it: an
/// operator answers to office management (office active and licensed for the service type, operator
/// active there and certified, through <see cref="OfficeAuthorizations.CheckOperatorAsync"/>), a
/// reviewer to the file's district (<see cref="OfficeAuthorizations.CheckReviewer"/>). Admins and
/// clients were decided by role and scope before.
/// </summary>
public sealed class FileByLaw(OfficeAuthorizations offices)
{
    /// <summary>
    /// Null when <paramref name="caller"/> may read <paramref name="file"/>'s citizens' data about
    /// <paramref name="serviceType"/> now (a suspended office reads nothing); else the 403 (or 503).
    /// </summary>
    public async Task<Problem?> RefuseReadingAsync(
        Caller caller, UrbanPlanningFile file, string serviceType, IReadOnlyCollection<string> clientScopes, CancellationToken cancellationToken)
    {
        var reader = FileAccessRules.Reader(caller, file, clientScopes);
        return reader.Succeeded ? await RefuseAsync(caller, file, reader.Value, serviceType, cancellationToken) : reader.Problem;
    }

    /// <summary>The by-law check of <paramref name="role"/>: null when it holds now.</summary>
    public Task<Problem?> RefuseAsync(Caller caller, UrbanPlanningFile file, FileRole role, string serviceType, CancellationToken cancellationToken) => role switch
    {
        FileRole.Operator => offices.CheckOperatorAsync(caller, serviceType, cancellationToken),
        FileRole.Reviewer => Task.FromResult(OfficeAuthorizations.CheckReviewer(caller, file.District)),
        _ => Task.FromResult<Problem?>(null),
    };
}
