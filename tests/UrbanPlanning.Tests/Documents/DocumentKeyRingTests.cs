using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using CityEServices.UrbanPlanning.Domain.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class DocumentKeyRingTests
{
    [Fact]
    public void After_rotation_new_documents_carry_the_new_key_id_and_old_ones_still_verify()
    {
        var old = DocumentKey.Generate("doc-2024");
        var oldPkcs8 = old.ExportPkcs8();
        string oldText;
        using (var before = new DocumentKeyRing([old], "doc-2024"))
        {
            oldText = new DocumentSigner(before).Sign(DocumentSamples.BuildingPermit());
        }

        using var after = new DocumentKeyRing([DocumentKey.FromPkcs8("doc-2024", oldPkcs8), DocumentKey.Generate("doc-2025")], "doc-2025");
        var newText = new DocumentSigner(after).Sign(DocumentSamples.BuildingPermit());

        Assert.Equal("doc-2024", DocumentVerifier.Verify(oldText, after).KeyId);
        Assert.True(DocumentVerifier.Verify(oldText, after).IsValid);
        Assert.Equal("doc-2025", DocumentVerifier.Verify(newText, after).KeyId);
        Assert.True(DocumentVerifier.Verify(newText, after).IsValid);
    }

    [Fact]
    public void The_JWKS_lists_every_public_key_as_RFC_7517_EC_keys_and_no_private_part()
    {
        using var ring = new DocumentKeyRing([DocumentKey.Generate("doc-2024"), DocumentKey.Generate("doc-2025")], "doc-2025");

        using var json = JsonDocument.Parse(ring.ToJwksJson());
        var keys = json.RootElement.GetProperty("keys").EnumerateArray().ToList();

        Assert.Equal(["doc-2025", "doc-2024"], keys.Select(k => k.GetProperty("kid").GetString()));
        Assert.All(keys, k =>
        {
            Assert.Equal("EC", k.GetProperty("kty").GetString());
            Assert.Equal("P-256", k.GetProperty("crv").GetString());
            Assert.Equal("ES256", k.GetProperty("alg").GetString());
            Assert.Equal("sig", k.GetProperty("use").GetString());
            Assert.Equal(32, Base64Url.DecodeFromChars(k.GetProperty("x").GetString()).Length);
            Assert.Equal(32, Base64Url.DecodeFromChars(k.GetProperty("y").GetString()).Length);
            Assert.False(k.TryGetProperty("d", out _));
            Assert.Equal(7, k.EnumerateObject().Count());
        });
    }

    [Fact]
    public void A_ring_read_back_from_its_JWKS_verifies_but_cannot_sign()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());

        using var published = DocumentKeyRing.FromJwks(ring.ToJwksJson());

        Assert.True(DocumentVerifier.Verify(text, published).IsValid);
        Assert.Null(published.Active);
        Assert.Throws<InvalidOperationException>(() => new DocumentSigner(published).Sign(DocumentSamples.BuildingPermit()));
    }

    [Fact]
    public void Keys_load_from_PKCS8_bytes_and_from_PEM_of_every_kind()
    {
        using var original = DocumentKey.Generate("doc-2025");
        using var ring = new DocumentKeyRing([original], "doc-2025");
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(original.ExportPkcs8(), out _);

        var loaded = new[]
        {
            DocumentKey.FromPkcs8("doc-2025", original.ExportPkcs8()),
            DocumentKey.FromPem("doc-2025", original.ExportPkcs8Pem()),
            DocumentKey.FromPem("doc-2025", ecdsa.ExportECPrivateKeyPem()),
            DocumentKey.FromPem("doc-2025", ecdsa.ExportSubjectPublicKeyInfoPem()),
        };

        Assert.Equal([true, true, true, false], loaded.Select(k => k.CanSign));
        foreach (var key in loaded)
        {
            using var single = new DocumentKeyRing([key], activeKeyId: null);
            Assert.True(DocumentVerifier.Verify(text, single).IsValid);
        }

        using var signer = new DocumentKeyRing([DocumentKey.FromPem("doc-2025", ecdsa.ExportECPrivateKeyPem())], "doc-2025");
        Assert.True(DocumentVerifier.Verify(new DocumentSigner(signer).Sign(DocumentSamples.BuildingPermit()), ring).IsValid);
    }

    [Fact]
    public void Keys_off_P256_and_odd_key_ids_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<CryptographicException>(() => DocumentKey.FromPkcs8("doc-2025", p384.ExportPkcs8PrivateKey()));
        Assert.Throws<ArgumentException>(() => DocumentKey.Generate(""));
        Assert.Throws<ArgumentException>(() => DocumentKey.Generate("doc 2025"));
        Assert.Throws<ArgumentException>(() => DocumentKey.Generate(new string('k', 33)));
    }

    [Fact]
    public void A_ring_needs_distinct_key_ids_and_an_active_key_that_can_sign()
    {
        using var a = DocumentKey.Generate("doc-2025");
        using var b = DocumentKey.Generate("doc-2025");
        using var publicOnly = DocumentKey.FromPem("doc-2026", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem());

        Assert.Throws<ArgumentException>(() => new DocumentKeyRing([a, b], "doc-2025"));
        Assert.Throws<ArgumentException>(() => new DocumentKeyRing([a], "doc-2026"));
        Assert.Throws<ArgumentException>(() => new DocumentKeyRing([publicOnly], "doc-2026"));
    }
}
