using System.Security.Cryptography;
using CityEServices.UrbanPlanning.Infrastructure.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>
/// The document settings are checked when the service starts: before, a broken PEM or an unknown active
/// key surfaced at the first issue, verification or JWKS request, and failed each one after it.
/// </summary>
public class DocumentOptionsTests
{
    private static readonly string Signing = PrivatePem();
    private static readonly string Retired = PrivatePem();

    private static string PrivatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static string PublicPem(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static DocumentOptions Production(params (string Id, string Pem)[] keys) => new()
    {
        GenerateKeyIfMissing = false,
        Keys = [.. keys.Select(k => new ConfiguredDocumentKey { KeyId = k.Id, Pem = k.Pem })],
    };

    private static DocumentOptions Named(string activeKeyId, DocumentOptions options)
    {
        options.ActiveKeyId = activeKeyId;
        return options;
    }

    [Fact]
    public void One_signing_key_and_a_retired_public_one_are_sound_and_the_private_one_signs()
    {
        var options = Production(("doc-2026", Signing), ("doc-2025", PublicPem(Retired)));

        Assert.True(options.IsSound());
        var (keys, active) = options.ReadKeys();
        keys.ForEach(k => k.Dispose());
        Assert.Equal("doc-2026", active);
    }

    [Fact]
    public void The_local_default_is_sound_it_generates_its_key()
    {
        Assert.True(new DocumentOptions().IsSound());
    }

    public static TheoryData<string, DocumentOptions> Unsound() => new()
    {
        { "a PEM that is not one", Production(("doc-2026", "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----")) },
        { "no PEM at all", Production(("doc-2026", "")) },
        { "a key id with a space", Production(("doc 2026", Signing)) },
        { "the same key id twice", Named("doc-2026", Production(("doc-2026", Signing), ("doc-2026", PublicPem(Retired)))) },
        { "an active key that is not configured", Named("doc-2027", Production(("doc-2026", Signing))) },
        { "an active key without its private half", Named("doc-2025", Production(("doc-2026", Signing), ("doc-2025", PublicPem(Retired)))) },
        { "production with only a public key", Production(("doc-2025", PublicPem(Retired))) },
        { "production with no key", Production() },
        { "two signing keys and none named", Production(("doc-2026", Signing), ("doc-2025", Retired)) },
        { "a relative verification address", new DocumentOptions { VerificationUrl = "/verify" } },
        { "a verification address that is not the web's", new DocumentOptions { VerificationUrl = "ftp://eservices.tehran.ir/verify" } },
    };

    [Theory]
    [MemberData(nameof(Unsound))]
    public void A_wrong_setting_is_refused(string why, DocumentOptions options)
    {
        Assert.False(options.IsSound(), why);
    }
}
