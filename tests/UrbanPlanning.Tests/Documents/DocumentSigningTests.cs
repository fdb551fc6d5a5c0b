using System.Formats.Cbor;
using CityEServices.Contracts.Codes;
using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class DocumentSigningTests
{
    [Fact]
    public void A_signed_payload_verifies_to_the_same_payload_and_key_id()
    {
        using var ring = DocumentSamples.Ring();
        var payload = DocumentSamples.BuildingPermit();

        var text = new DocumentSigner(ring).Sign(payload);
        var result = DocumentVerifier.Verify(text, ring);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(payload, result.Payload);
        Assert.Equal("doc-2025", result.KeyId);
    }

    [Fact]
    public void The_QR_text_is_short_and_uses_only_QR_alphanumeric_characters()
    {
        using var ring = new DocumentKeyRing([DocumentKey.Generate("city-documents-2025-a")], "city-documents-2025-a");
        // The longest renovation code (seven 9-digit segments) and an expiry: the worst case.
        var longest = DocumentSamples.BuildingPermit() with { RenovationCode = RenovationCode.Parse("22-999999999-999999999-999999999-999999999-999999999-999999999"), District = 22 };

        var text = new DocumentSigner(ring).Sign(longest);

        Assert.True(text.Length < 400, $"{text.Length} characters");
        Assert.StartsWith(DocumentQrFormat.Prefix, text, StringComparison.Ordinal);
        Assert.All(text, c => Assert.Contains(c, Base45.Alphabet));
    }

    [Fact]
    public void Documents_without_expiry_round_trip_without_one()
    {
        using var ring = DocumentSamples.Ring();
        var payload = DocumentSamples.BuildingPermit() with { Type = ServiceTypes.CompletionCertificate, ExpiresAt = null };

        var result = DocumentVerifier.Verify(new DocumentSigner(ring).Sign(payload), ring);

        Assert.True(result.IsValid, result.Reason);
        Assert.Null(result.Payload!.ExpiresAt);
        Assert.False(result.Payload.IsExpiredAt(DocumentSamples.IssuedAt.AddYears(50)));
    }

    [Fact]
    public void Any_one_byte_changed_anywhere_in_the_message_fails()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());
        Assert.True(Base45.TryDecode(text.AsSpan(DocumentQrFormat.Prefix.Length), out var message));

        foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (var i = 0; i < message.Length; i++)
            {
                var altered = (byte[])message.Clone();
                altered[i] ^= mask;
                var result = DocumentVerifier.Verify(DocumentQrFormat.Prefix + Base45.Encode(altered), ring);
                Assert.False(result.IsValid, $"byte {i} ^ {mask:X2} still verified");
                Assert.NotNull(result.Failure);
            }
        }
    }

    [Fact]
    public void Any_one_character_changed_in_the_text_fails()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());

        for (var i = 0; i < text.Length; i++)
        {
            foreach (var other in Base45.Alphabet.Where(c => c != text[i]).Take(8))
            {
                var altered = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
                Assert.False(DocumentVerifier.Verify(altered, ring).IsValid, $"character {i} → '{other}' still verified");
            }
        }
    }

    [Fact]
    public void A_changed_claim_re_encoded_by_a_forger_fails_on_the_signature()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());
        Assert.True(Base45.TryDecode(text.AsSpan(DocumentQrFormat.Prefix.Length), out var message));
        var reader = new CborReader(message);
        reader.ReadTag();
        reader.ReadStartArray();
        var protectedHeader = reader.ReadByteString();
        reader.ReadStartMap();
        reader.ReadEndMap();
        reader.ReadByteString();
        var signature = reader.ReadByteString();

        // Same signature, claims of another property.
        using var forgerRing = DocumentSamples.Ring();
        var forged = new DocumentSigner(forgerRing).Sign(DocumentSamples.BuildingPermit() with { RenovationCode = RenovationCode.Parse("6-12-104-8-0-0-0") });
        Assert.True(Base45.TryDecode(forged.AsSpan(DocumentQrFormat.Prefix.Length), out var forgedMessage));
        var forgedReader = new CborReader(forgedMessage);
        forgedReader.ReadTag();
        forgedReader.ReadStartArray();
        forgedReader.ReadByteString();
        forgedReader.ReadStartMap();
        forgedReader.ReadEndMap();
        var forgedClaims = forgedReader.ReadByteString();
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteTag((CborTag)18);
        writer.WriteStartArray(4);
        writer.WriteByteString(protectedHeader);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString(forgedClaims);
        writer.WriteByteString(signature);
        writer.WriteEndArray();

        var result = DocumentVerifier.Verify(DocumentQrFormat.Prefix + Base45.Encode(writer.Encode()), ring);

        Assert.Equal(DocumentVerificationFailure.BadSignature, result.Failure);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void A_key_id_the_ring_does_not_hold_is_reported_as_unknown()
    {
        using var signing = DocumentSamples.Ring("doc-2024");
        using var other = DocumentSamples.Ring("doc-2025");

        var result = DocumentVerifier.Verify(new DocumentSigner(signing).Sign(DocumentSamples.BuildingPermit()), other);

        Assert.Equal(DocumentVerificationFailure.UnknownKey, result.Failure);
        Assert.Equal("doc-2024", result.KeyId);
    }

    [Fact]
    public void Another_key_under_the_same_key_id_is_a_bad_signature()
    {
        using var genuine = DocumentSamples.Ring("doc-2025");
        using var impostor = DocumentSamples.Ring("doc-2025");

        var result = DocumentVerifier.Verify(new DocumentSigner(impostor).Sign(DocumentSamples.BuildingPermit()), genuine);

        Assert.Equal(DocumentVerificationFailure.BadSignature, result.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*Y0ZKIDV6")]
    [InlineData("CED1:not base45!")]
    [InlineData("CED1:BB8")]
    public void Text_that_is_not_our_format_is_malformed(string? text)
    {
        using var ring = DocumentSamples.Ring();

        Assert.Equal(DocumentVerificationFailure.Malformed, DocumentVerifier.Verify(text, ring).Failure);
    }

    [Fact]
    public void Whitespace_a_scanner_adds_around_the_text_does_not_matter()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());

        Assert.True(DocumentVerifier.Verify($"  {text}\r\n", ring).IsValid);
    }

    [Fact]
    public void Expiry_is_reported_by_the_payload_not_by_the_signature()
    {
        var payload = DocumentSamples.BuildingPermit();

        Assert.False(payload.IsExpiredAt(payload.ExpiresAt!.Value.AddSeconds(-1)));
        Assert.True(payload.IsExpiredAt(payload.ExpiresAt.Value));
    }

    [Fact]
    public void The_signer_refuses_payloads_it_could_not_stand_behind()
    {
        using var ring = DocumentSamples.Ring();
        var signer = new DocumentSigner(ring);
        var payload = DocumentSamples.BuildingPermit();

        Assert.Throws<ArgumentException>(() => signer.Sign(payload with { District = 7 }));
        Assert.Throws<ArgumentException>(() => signer.Sign(payload with { Type = ServiceTypes.UrbanFile }));
        Assert.Throws<ArgumentException>(() => signer.Sign(payload with { ExpiresAt = payload.IssuedAt }));
    }
}

public class DocumentVerifierRobustnessTests
{
    [Fact]
    public void Random_and_randomly_damaged_input_is_refused_without_throwing()
    {
        using var ring = DocumentSamples.Ring();
        var text = new DocumentSigner(ring).Sign(DocumentSamples.BuildingPermit());
        Assert.True(Base45.TryDecode(text.AsSpan(DocumentQrFormat.Prefix.Length), out var message));
        var random = new Random(20251129);

        for (var round = 0; round < 3000; round++)
        {
            byte[] bytes;
            if (round % 2 == 0)
            {
                bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])message.Clone();
                for (var hits = random.Next(1, 6); hits > 0; hits--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            var result = DocumentVerifier.Verify(DocumentQrFormat.Prefix + Base45.Encode(bytes), ring);
            Assert.False(result.IsValid && !bytes.SequenceEqual(message), $"round {round} verified");
        }
    }
}
