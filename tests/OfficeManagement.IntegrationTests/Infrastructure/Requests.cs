using System.Net.Http.Json;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

public static class Requests
{
    public const string OfficesPath = "/api/offices";

    public static string OfficePath(string code) => $"{OfficesPath}/{code}";

    public static string QualificationsPath(string nationalId) => $"/api/staff/{nationalId}/qualifications";

    public static Task<HttpResponseMessage> CreateOfficeAsync(this HttpClient client, string code, int district = 12, string name = "دفتر خدمات الکترونیکی شهر ۱۲") =>
        client.PostAsJsonAsync(OfficesPath, new { code, name, district, address = "تهران، خیابان پاسداران، پلاک ۴" });

    public static Task<HttpResponseMessage> ChangeStatusAsync(this HttpClient client, string code, string status, string? note = null) =>
        client.PostAsJsonAsync($"{OfficePath(code)}/status", new { status, note });

    public static Task<HttpResponseMessage> RevokeLicenceAsync(this HttpClient client, string code, string serviceType) =>
        client.DeleteAsync($"{OfficePath(code)}/licences/{serviceType}");

    public static Task<HttpResponseMessage> MoveStaffAsync(this HttpClient client, string nationalId, string officeCode, string? role = null) =>
        client.PostAsJsonAsync($"/api/staff/{nationalId}/move", new { officeCode, role });

    public static Task<HttpResponseMessage> DeactivateStaffAsync(this HttpClient client, string nationalId) =>
        client.PostAsync($"/api/staff/{nationalId}/deactivate", null);

    public static Task<HttpResponseMessage> GetDecisionAsync(this HttpClient client, string code, string nationalId, string serviceType) =>
        client.GetAsync($"{OfficePath(code)}/authorization?operatorNationalId={nationalId}&serviceType={serviceType}");

    /// <summary>Exam, interview and training passed for <paramref name="serviceType"/>.</summary>
    public static async Task CertifyAsync(this HttpClient client, string nationalId, string serviceType)
    {
        await (await client.RecordExamAsync(nationalId, serviceType, 85m)).AssertJsonAsync(System.Net.HttpStatusCode.Created);
        await (await client.RecordAssessmentAsync(nationalId, serviceType, "Interview", passed: true)).AssertJsonAsync(System.Net.HttpStatusCode.Created);
        await (await client.RecordAssessmentAsync(nationalId, serviceType, "Training", passed: true)).AssertJsonAsync(System.Net.HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> GrantLicenceAsync(this HttpClient client, string code, string serviceType) =>
        client.PostAsJsonAsync($"{OfficePath(code)}/licences", new { serviceType });

    public static Task<HttpResponseMessage> AddStaffAsync(this HttpClient client, string code, string nationalId, string fullName = "Maryam Operator", string role = "Operator") =>
        client.PostAsJsonAsync($"{OfficePath(code)}/staff", new { nationalId, fullName, role });

    public static Task<HttpResponseMessage> RecordExamAsync(this HttpClient client, string nationalId, string serviceType, decimal score) =>
        client.PostAsJsonAsync(QualificationsPath(nationalId), new { serviceType, kind = "Exam", score });

    /// <summary>An interview or a training course, passed or not.</summary>
    public static Task<HttpResponseMessage> RecordAssessmentAsync(this HttpClient client, string nationalId, string serviceType, string kind, bool passed) =>
        client.PostAsJsonAsync(QualificationsPath(nationalId), new { serviceType, kind, passed });
}
