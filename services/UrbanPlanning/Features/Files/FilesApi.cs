namespace CityEServices.UrbanPlanning.Features.Files;

public static class FilesApi
{
    public const string Path = "/api/urban-planning/files";

    public static RouteGroupBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(Path).WithTags("Files");
        files.MapPost("/", OpenFileAsync).WithName("OpenFile");
        files.MapGet("/{fileNumber}", GetFileAsync).WithName("GetFile").RequireScope(Scopes.UrbanPlanningRead);
        return files;
    }

    public static async Task<Results<Created<OpenFileResponse>, ProblemHttpResult>> OpenFileAsync(
        OpenFileRequest body, Caller caller, OpenFile openFile, CancellationToken cancellationToken) =>
        (await openFile.HandleAsync(body, caller, cancellationToken)).ToCreated(file => $"{Path}/{file.FileNumber}");

    public static async Task<Results<Ok<FileResponse>, ProblemHttpResult>> GetFileAsync(
        string fileNumber, Caller caller, GetFile getFile, CancellationToken cancellationToken) =>
        (await getFile.HandleAsync(fileNumber, caller, cancellationToken)).ToOk();
}
