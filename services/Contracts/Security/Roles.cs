namespace CityEServices.Contracts.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Archivist = "archivist";
    public const string OfficeOperator = "office-operator";
    public const string DistrictReviewer = "district-reviewer";
    public const string Integrator = "integrator";

    /// <summary>A citizen signed in with a one-time code; the token's national_id is theirs.</summary>
    public const string Citizen = "citizen";

    /// <summary>The roles an admin can give a user or client; <see cref="Citizen"/> is only ever signed in, never given.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Archivist, OfficeOperator, DistrictReviewer, Integrator];
}
