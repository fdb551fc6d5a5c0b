using System.Net;
using System.Text.Json.Nodes;

namespace CityEServices.EndToEnd.Tests;

public static class FileOpening
{
    /// <summary>The world's operator opens a file for the world's property and applicant; returns the 201 body.</summary>
    public static Task<JsonNode> OpenFileAsync(this HttpClient gateway, SampleWorld world) =>
        gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
}
