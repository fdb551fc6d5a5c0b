using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;

namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>The file a supervision route names, when the caller may act on its supervision.</summary>
internal static class SupervisedFiles
{
    public static async Task<Outcome<UrbanPlanningFile>> FindAsync(
        UrbanPlanningDbContext db, string fileNumber, Caller caller, Func<Caller, UrbanPlanningFile, Problem?> mayAct, CancellationToken cancellationToken)
    {
        // A malformed number names no file: 404 like an unknown one (it is part of the path, not a field).
        var key = FileNumber.TryParse(fileNumber, out var number, out _) ? number.ToString() : null;
        var file = key is null ? null : await db.FindFileAsync(key, cancellationToken);
        if (file is null)
        {
            return Problem.NotFound("File not found.", $"There is no urban-planning file {key ?? fileNumber}.");
        }

        return mayAct(caller, file) is { } refused ? refused : file;
    }
}
