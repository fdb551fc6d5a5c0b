using System.Net;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Everything an operator needs to open a file, created through the gateway's public API: a property
/// owned by the applicant, an office licensed for URBAN_FILE, and an operator certified for it.
/// </summary>
public sealed record SampleWorld(string RenovationCode, string ApplicantNationalId, string OfficeCode, string OperatorNationalId, string OperatorToken, string OperatorUserName)
{
    private static int _sequence = Random.Shared.Next(1000, 9000);

    public static async Task<SampleWorld> CreateAsync(HttpClient gateway, string adminToken, int district)
    {
        var n = Interlocked.Increment(ref _sequence);
        var renovationCode = $"{district}-{n % 90 + 1}-{n}-{n % 700 + 1}-0-0-0";
        var applicant = NationalIds.Next();
        var coOwner = NationalIds.Next();
        var officeCode = $"T{n}";
        var operatorId = NationalIds.Next();
        var operatorUser = $"operator{n}";
        const string operatorPassword = "Operator-Passw0rd";

        await gateway.PostAsJsonAsync("/api/properties", new
        {
            renovationCode,
            registrationPlate = new { section = 11, main = 4512, sub = n % 300 + 1 },
            district,
            address = "تهران، خیابان ولیعصر، کوچه شماره " + n,
            postalCode = "1965833" + (n % 1000).ToString("D3"),
            landAreaM2 = 240.5m,
            buildingAreaM2 = 610m,
            floors = 4,
            usage = "Residential",
            owners = new object[]
            {
                new { partyType = "Person", nationalId = applicant, fullName = "مریم احمدی", shareDang = 4 },
                new { partyType = "Person", nationalId = coOwner, fullName = "علی رضایی", shareDang = 2 },
            },
        }, adminToken).ExpectAsync(HttpStatusCode.Created);

        await gateway.PostAsJsonAsync("/api/offices", new { code = officeCode, name = $"دفتر خدمات الکترونیکی {n}", district, address = "تهران" }, adminToken)
            .ExpectAsync(HttpStatusCode.Created);
        await gateway.PostAsJsonAsync($"/api/offices/{officeCode}/licences", new { serviceType = "URBAN_FILE" }, adminToken)
            .ExpectAsync(HttpStatusCode.Created);
        await gateway.PostAsJsonAsync($"/api/offices/{officeCode}/staff", new { nationalId = operatorId, fullName = "سارا کریمی", role = "Operator" }, adminToken)
            .ExpectAsync(HttpStatusCode.Created);
        foreach (var kind in new[] { "Exam", "Interview", "Training" })
        {
            await gateway.PostAsJsonAsync($"/api/staff/{operatorId}/qualifications", new { serviceType = "URBAN_FILE", kind, score = 85, passed = true }, adminToken)
                .ExpectAsync(HttpStatusCode.Created);
        }

        await gateway.PostAsJsonAsync("/api/identity/users", new
        {
            userName = operatorUser,
            password = operatorPassword,
            roles = new[] { "office-operator" },
            nationalId = operatorId,
            officeCode,
        }, adminToken).ExpectAsync(HttpStatusCode.Created);

        var operatorToken = await gateway.GetTokenAsync(operatorUser, operatorPassword);
        return new SampleWorld(renovationCode, applicant, officeCode, operatorId, operatorToken, operatorUser);
    }
}
