using CityEServices.Contracts.Codes;
using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.VerifyDocument;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>tools/VerifyDocument, written without the service's code, against payloads the service signs.</summary>
public class OfflineVerifierTests
{
    [Fact]
    public void Verifies_what_the_service_signs_from_the_published_key_set_alone()
    {
        using var ring = new DocumentKeyRing([DocumentKey.Generate("doc-2024"), DocumentKey.Generate("doc-2025")], "doc-2025");
        var payload = DocumentSamples.BuildingPermit();
        var text = new DocumentSigner(ring).Sign(payload);
        using var keys = KeySet.Parse(ring.ToJwksJson());

        var result = OfflineVerifier.Verify(text, keys);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(new DocumentFields(payload.Number.Value, ServiceTypes.BuildingPermit, "6-12-104-7-0-0-0", 6,
            payload.IssuedAt, payload.ExpiresAt, "doc-2025"), result.Fields);
    }

    [Fact]
    public void Refuses_every_one_character_change_the_service_refuses()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());
        using var keys = KeySet.Parse(ring.ToJwksJson());

        for (var i = DocumentQrFormat.Prefix.Length; i < text.Length; i++)
        {
            var other = text[i] == 'A' ? 'B' : 'A';
            var altered = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
            Assert.False(OfflineVerifier.Verify(altered, keys).IsValid, $"character {i} → '{other}' still verified");
        }
    }

    [Fact]
    public void Says_why_a_payload_is_invalid()
    {
        using var signing = DocumentSamples.Ring("doc-2024");
        using var published = DocumentSamples.Ring("doc-2025");
        using var keys = KeySet.Parse(published.ToJwksJson());

        Assert.Equal("unknown key id 'doc-2024'", OfflineVerifier.Verify(new DocumentSigner(signing).Sign(DocumentSamples.BuildingPermit()), keys).Problem);
        Assert.Equal("not Base45", OfflineVerifier.Verify("CED1:bb8", keys).Problem);
        Assert.StartsWith("not a city document payload", OfflineVerifier.Verify("https://example.org", keys).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_the_fields_and_ends_valid_invalid_or_expired_with_the_matching_exit_code()
    {
        using var ring = DocumentSamples.Ring();
        var payload = DocumentSamples.BuildingPermit();
        using var keys = KeySet.Parse(ring.ToJwksJson());
        var result = OfflineVerifier.Verify(new DocumentSigner(ring).Sign(payload), keys);

        var (valid, validCode) = Report.Describe(result, payload.IssuedAt.AddDays(1));
        var (expired, expiredCode) = Report.Describe(result, payload.ExpiresAt!.Value);
        var (invalid, invalidCode) = Report.Describe(OfflineVerifier.Verify("CED1:BB8", keys), payload.IssuedAt);

        Assert.Equal(Report.Valid, validCode);
        Assert.Contains($"number:          {payload.Number.Display}", valid, StringComparison.Ordinal);
        Assert.Contains("issued:          2025-11-29 11:00Z (1404/09/08)", valid, StringComparison.Ordinal);
        Assert.Contains("type:            BUILDING_PERMIT", valid, StringComparison.Ordinal);
        Assert.EndsWith("valid" + Environment.NewLine, valid, StringComparison.Ordinal);
        Assert.Equal(Report.Expired, expiredCode);
        Assert.Contains("expired: genuine, but no longer valid since 2027-11-29 11:00Z", expired, StringComparison.Ordinal);
        Assert.Equal(Report.Invalid, invalidCode);
        Assert.StartsWith("invalid: ", invalid, StringComparison.Ordinal);
    }
}
