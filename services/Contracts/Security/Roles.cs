namespace CityEServices.Contracts.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Archivist = "archivist";
    public const string OfficeOperator = "office-operator";
    public const string DistrictReviewer = "district-reviewer";
    public const string Integrator = "integrator";

    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Archivist, OfficeOperator, DistrictReviewer, Integrator];
}
