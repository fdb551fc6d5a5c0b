namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// The text in an issued document's QR code — the EU digital COVID certificate's recipe with our claims:
/// <c>CED1:</c> + Base45( COSE_Sign1 ), where
/// <code>
/// COSE_Sign1 = #6.18([ protected: bstr .cbor { 1: -7 (ES256), 4: kid (bstr, UTF-8) },
///                      unprotected: {},
///                      payload: bstr .cbor claims,
///                      signature: bstr (64 bytes, r ‖ s) ])
/// claims (CWT, RFC 8392) = { 2 (sub): number (text), 4 (exp): seconds (absent if it never expires),
///                            6 (iat): seconds, -65537: { 1: type, 2: renovation code, 3: district } }
/// </code>
/// signed over <c>Sig_structure = ["Signature1", protected, h'', payload]</c> (RFC 9052 §4.4), all in
/// canonical CBOR. -65537 is in the CWT registry's private-use range; the map under it keeps our own
/// small keys, as the covid certificate's <c>-260</c> does. Everything but the signature is fixed by
/// this page, so anyone with the JWKS can verify without our code (tools/VerifyDocument does).
/// </summary>
public static class DocumentQrFormat
{
    /// <summary>City E-service Document, version 1. Only QR alphanumeric characters, like Base45 itself.</summary>
    public const string Prefix = "CED1:";

    /// <summary>No genuine payload comes near this; longer input is refused before any decoding.</summary>
    public const int MaxTextLength = 1000;

    internal const int AlgorithmLabel = 1;
    internal const int KeyIdLabel = 4;
    internal const int Es256 = -7;
    internal const int CoseSign1Tag = 18;
    internal const int SignatureLength = 64;

    internal const int SubjectClaim = 2;
    internal const int ExpiresClaim = 4;
    internal const int IssuedAtClaim = 6;
    internal const int DocumentClaim = -65537;

    internal const int TypeKey = 1;
    internal const int RenovationCodeKey = 2;
    internal const int DistrictKey = 3;

    internal const string SignatureContext = "Signature1";
}
