using System.Net.Http.Json;

namespace CityEServices.Property.IntegrationTests.Infrastructure;

public static class Requests
{
    public const string PropertiesPath = "/api/properties";

    public static string PropertyPath(string renovationCode) => $"{PropertiesPath}/{renovationCode}";

    public static object Owner(string nationalId, string fullName, object shareDang) => new { nationalId, fullName, shareDang };

    /// <summary>A complete, valid registration body for <paramref name="renovationCode"/>; <paramref name="owners"/> decide the shares.</summary>
    public static Dictionary<string, object?> Registration(string renovationCode, int district, params object[] owners) => new()
    {
        ["renovationCode"] = renovationCode,
        ["registrationPlate"] = new { section = 11, main = 4521, sub = 17 },
        ["district"] = district,
        ["address"] = "تهران، خیابان ولیعصر، پلاک ۱۲",
        ["postalCode"] = "1315673811",
        ["landAreaM2"] = 250.5m,
        ["buildingAreaM2"] = 480m,
        ["floors"] = 4,
        ["usage"] = "Residential",
        ["owners"] = owners,
    };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Dictionary<string, object?> body) =>
        client.PostAsJsonAsync(PropertiesPath, body);
}

public static class TransferRequests
{
    public static string TransfersPath(string renovationCode) => $"{Requests.PropertiesPath}/{renovationCode}/transfers";

    public static string HistoryPath(string renovationCode) => $"{Requests.PropertiesPath}/{renovationCode}/history";

    public static string LegalHoldPath(string renovationCode) => $"{Requests.PropertiesPath}/{renovationCode}/restrictions/legal-hold";

    public static object Transfer(string seller, string buyer, object shareDang, string? buyerName = "خریدار") =>
        new { sellerNationalId = seller, buyer = new { nationalId = buyer, fullName = buyerName }, shareDang };

    public static Task<HttpResponseMessage> TransferAsync(this HttpClient client, string renovationCode, object body) =>
        client.PostAsJsonAsync(TransfersPath(renovationCode), body);

    public static Task<HttpResponseMessage> PlaceHoldAsync(this HttpClient client, string renovationCode, string? reason = "حکم دادگاه ۱۲") =>
        client.PutAsJsonAsync(LegalHoldPath(renovationCode), new { reason });

    /// <summary>Clears the hold; the reason is required (leave it null to see the 400).</summary>
    public static Task<HttpResponseMessage> ClearHoldAsync(this HttpClient client, string renovationCode, string? reason = "رفع توقیف، نامه ۳۴") =>
        client.DeleteAsync(reason is null ? LegalHoldPath(renovationCode) : $"{LegalHoldPath(renovationCode)}?reason={Uri.EscapeDataString(reason)}");

    /// <summary>Owners of a property response as partyId → exact fraction.</summary>
    public static Dictionary<string, string> Shares(System.Text.Json.JsonElement property) =>
        property.GetProperty("owners").EnumerateArray().ToDictionary(o => o.GetProperty("partyId").GetString()!, o => o.GetProperty("shareFraction").GetString()!);
}
