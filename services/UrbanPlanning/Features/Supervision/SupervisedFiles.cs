namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>The file a supervision route names, when the caller may act on its supervision now.</summary>
internal static class SupervisedFiles
{
    /// <summary>
    /// The file, once <paramref name="standing"/> says as whom the caller acts and the by-law agrees:
    /// a reviewer of the file's district, or an operator of its office authorised now for
    /// supervising-engineer affairs (<see cref="SupervisionAccess.OperatorServiceType"/>).
    /// </summary>
    public static async Task<Outcome<UrbanPlanningFile>> FindAsync(
        UrbanPlanningDbContext db, FileByLaw access, string fileNumber, Caller caller, Func<Caller, UrbanPlanningFile, Outcome<FileRole>> standing, CancellationToken cancellationToken)
    {
        // A malformed number names no file: 404 like an unknown one (it is part of the path, not a field).
        var key = FileNumber.TryParse(fileNumber, out var number, out _) ? number.ToString() : null;
        var file = key is null ? null : await db.FindFileAsync(key, cancellationToken);
        if (file is null)
        {
            return Problem.NotFound("File not found.", $"There is no urban-planning file {key ?? fileNumber}.");
        }

        var role = standing(caller, file);
        if (!role.Succeeded)
        {
            return role.Problem!;
        }

        return await access.RefuseAsync(caller, file, role.Value, SupervisionAccess.OperatorServiceType, cancellationToken) is { } refused ? refused : file;
    }
}
