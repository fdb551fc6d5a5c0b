namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>
/// Whose files a citizen sees: those they hold now (the applicant, or the new owners once the property
/// was sold, as the tracking page decides), by the national ID in their token and never one from the query.
/// </summary>
public static class CitizenFiles
{
    public const string NotACitizen = "NotACitizen";

    /// <summary>The caller's national ID, or the 403 for a token that is no citizen's (staff and clients have their own API).</summary>
    public static Outcome<string> NationalIdOf(Caller caller) =>
        caller.Kind == CallerKind.Citizen && NationalId.TryParse(caller.NationalId, out var id)
            ? id.Value
            : Problem.Forbidden(NotACitizen, "/api/me is the signed-in citizen's own view; staff and integrators use /api/urban-planning.");
}
