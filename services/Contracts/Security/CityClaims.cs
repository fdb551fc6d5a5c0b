namespace CityEServices.Contracts.Security;

/// <summary>Claim types in CityEServices access tokens (JWT names, not the SOAP-era URIs).</summary>
public static class CityClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string NationalId = "national_id";
    public const string OfficeCode = "office_code";
    public const string District = "district";
    public const string ClientId = "client_id";

    /// <summary>Granted scopes: one space-separated claim (RFC 8693/9068), or one claim per scope.</summary>
    public const string Scope = "scope";
}
