namespace CityEServices.Identity.Features.Citizens;

public sealed record SignInCodeRequest(string? NationalId);

/// <summary>The same whether or not the national ID has a mobile on file: nobody can learn who is a citizen here.</summary>
public sealed record SignInCodeAccepted(DateTimeOffset ExpiresAt, string Detail);
