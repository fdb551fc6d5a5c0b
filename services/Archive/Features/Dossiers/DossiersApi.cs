namespace CityEServices.Archive.Features.Dossiers;

public static class DossiersApi
{
    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/archive/dossiers").WithTags("Dossiers");
        dossiers.MapGet("/{fileNumber}", GetDossierAsync).WithName("GetDossier").WithSummary("A file's dossier with its documents")
            .RequireScope(Scopes.ArchiveRead);
        return dossiers;
    }

    public static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> GetDossierAsync(
        string fileNumber, Caller caller, GetDossier getDossier, CancellationToken cancellationToken) =>
        (await getDossier.HandleAsync(fileNumber, caller, cancellationToken)).ToOk();
}
