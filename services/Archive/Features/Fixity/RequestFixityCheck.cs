namespace CityEServices.Archive.Features.Fixity;

/// <summary>
/// An archivist asks for the stored content to be re-hashed (the whole store, or one dossier's
/// documents). The run is recorded and answered at once (202, its id to poll); a replica's
/// <c>FixityWorker</c> does the hashing, never the request.
/// </summary>
public sealed class RequestFixityCheck(FixityRequests requests)
{
    public async Task<Outcome<FixityRunAccepted>> HandleAsync(FixityCheckRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var fileNumber = FileNumbers.ReadOptional(request?.FileNumber, "fileNumber", errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var run = await requests.RequestAsync(FixityTrigger.Manual, fileNumber, caller, cancellationToken);
        return new FixityRunAccepted(run.Id, run.Status);
    }
}
