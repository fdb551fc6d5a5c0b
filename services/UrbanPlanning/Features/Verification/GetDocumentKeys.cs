namespace CityEServices.UrbanPlanning.Features.Verification;

/// <summary>The public halves of every document key, active and retired, as a JWK Set: what offline verifiers download.</summary>
public sealed class GetDocumentKeys(DocumentKeys keys)
{
    public async Task<string> HandleAsync(CancellationToken cancellationToken) => (await keys.GetAsync(cancellationToken)).ToJwksJson();
}
