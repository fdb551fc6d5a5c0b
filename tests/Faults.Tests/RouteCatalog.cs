using System.Text.Json.Nodes;

namespace CityEServices.Faults.Tests;

/// <summary>One route of the public API as the sweep sees it: how to call it well, so it can be called badly.</summary>
/// <param name="Service">The database that would hold what the route stores.</param>
/// <param name="Body">A well-formed body whose key collides with an existing record, so that a
/// mutation which happens to be valid is answered 409 and still stores nothing.</param>
public sealed record SweptRoute(string Method, string Template, string Service, JsonObject? Body = null, bool Form = false)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// Every route of the gateway's API (DESIGN.md's table, including routes still being built, which answer
/// 404/405 until they land), plus whatever the services' OpenAPI documents list beyond it.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<SweptRoute> Build(SweepWorld w) =>
    [
        new("POST", "/api/properties", "property", Json(new
        {
            renovationCode = w.RenovationCode,
            registrationPlate = new { section = 11, main = 4512, sub = 7 },
            district = w.District,
            address = "تهران، خیابان ولیعصر",
            postalCode = "1965833111",
            landAreaM2 = 240.5,
            buildingAreaM2 = 610,
            floors = 4,
            usage = "Residential",
            owners = new[] { new { partyType = "Person", nationalId = w.ApplicantNationalId, fullName = "مریم احمدی", shareDang = 6 } },
        })),
        new("GET", "/api/properties/{renovationCode}", "property"),
        new("GET", "/api/properties", "property"),
        new("POST", "/api/properties/{renovationCode}/transfers", "property", Json(new
        {
            owners = new[] { new { partyType = "Person", nationalId = w.ApplicantNationalId, fullName = "مریم احمدی", shareDang = 6 } },
        })),
        new("GET", "/api/properties/{renovationCode}/history", "property"),
        new("GET", "/api/service-types", "officemanagement"),
        new("POST", "/api/offices", "officemanagement", Json(new { code = w.OfficeCode, name = "دفتر خدمات", district = w.District, address = "تهران" })),
        new("GET", "/api/offices/{code}", "officemanagement"),
        new("GET", "/api/offices/{code}/scorecard", "officemanagement"),
        new("POST", "/api/offices/{code}/licences", "officemanagement", Json(new { serviceType = "URBAN_FILE" })),
        new("POST", "/api/offices/{code}/staff", "officemanagement", Json(new { nationalId = w.OperatorNationalId, fullName = "سارا کریمی", role = "Operator" })),
        new("POST", "/api/staff/{nationalId}/qualifications", "officemanagement", Json(new { serviceType = "URBAN_FILE", kind = "Exam", score = 85, passed = true })),
        new("GET", "/api/staff/{nationalId}/qualifications", "officemanagement"),
        new("POST", "/api/urban-planning/files", "urbanplanning", Json(new { renovationCode = w.RenovationCode, applicantNationalId = w.ApplicantNationalId, officeCode = w.OfficeCode })),
        new("GET", "/api/urban-planning/files/{fileNumber}", "urbanplanning"),
        new("POST", "/api/urban-planning/files/{fileNumber}/requests", "urbanplanning", Json(new { serviceType = "BUILDING_PERMIT", details = new { floors = 4, areaM2 = 600, usage = "Residential" } })),
        new("POST", "/api/urban-planning/requests/{requestId}/actions", "urbanplanning", Json(new { action = "review", note = "بررسی" })),
        new("GET", "/api/track/{trackingCode}", "urbanplanning"),
        new("GET", "/api/archive/categories", "archive"),
        new("GET", "/api/archive/dossiers/{fileNumber}", "archive"),
        new("GET", "/api/archive/documents", "archive"),
        new("GET", "/api/archive/documents/{id}", "archive"),
        new("GET", "/api/archive/documents/{id}/content", "archive"),
        new("POST", "/api/archive/documents", "archive", Json(new { category = "OWNERSHIP_DEED", renovationCode = w.RenovationCode, fileNumber = w.FileNumber, title = "سند", source = "OfficeScan" }), Form: true),
        new("POST", "/api/archive/fixity-checks", "archive", Json(new { })),
        new("POST", "/api/identity/users", "identity", Json(new { userName = "admin", password = "Some-Passw0rd-1", roles = new[] { "registrar" } })),
        new("GET", "/api/identity/users/{userName}", "identity"),
        new("POST", "/api/identity/clients", "identity", Json(new { displayName = "", roles = new[] { "integrator" } })),
        new("POST", "/connect/token", "identity", Json(new { grant_type = "password", client_id = "city-cli", username = "admin", password = "wrong" }), Form: true),
    ];

    /// <summary>Real values for a route's parameters, so a mutation of one parameter meets real records for the others.</summary>
    public static string Fill(string template, SweepWorld w, string? replace = null, string? with = null)
    {
        var values = new Dictionary<string, string>
        {
            ["renovationCode"] = w.RenovationCode,
            ["code"] = w.OfficeCode,
            ["nationalId"] = w.OperatorNationalId,
            ["fileNumber"] = w.FileNumber,
            ["trackingCode"] = w.TrackingCode,
            ["requestId"] = Guid.NewGuid().ToString(),
            ["id"] = Guid.NewGuid().ToString(),
            ["userName"] = "admin",
        };
        var path = template;
        foreach (var name in Parameters(template))
        {
            var value = name == replace ? with! : Uri.EscapeDataString(values.GetValueOrDefault(name, "x"));
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    public static IEnumerable<string> Parameters(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{([^}:?]+)[^}]*\}").Select(m => m.Groups[1].Value);

    private static JsonObject Json(object value) => (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}

/// <summary>Real records the sweep's requests point at: a property, an office, an operator, a file.</summary>
public sealed record SweepWorld(int District, string RenovationCode, string ApplicantNationalId, string OfficeCode, string OperatorNationalId, string FileNumber, string TrackingCode);
