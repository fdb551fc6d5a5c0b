using CityEServices.Archive.Domain;

namespace CityEServices.Archive.Features.Fixity;

/// <summary>An archivist re-hashes the stored content now: the whole store, or one dossier's documents.</summary>
public sealed class RunFixityCheck(FixityRunner runner)
{
    public async Task<Outcome<FixityCheckResponse>> HandleAsync(FixityCheckRequest? request, Caller caller, CancellationToken cancellationToken)
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

        var check = await runner.RunAsync(FixityTrigger.Manual, fileNumber, caller, cancellationToken);
        return FixityCheckResponse.From(check);
    }
}
