namespace CityEServices.Web.Problems;

/// <summary>
/// Why a use case did not do what was asked, as the caller will read it (RFC 9457): a status, a title
/// for people, a detail, and on every 403 and 409 a machine-readable <see cref="Reason"/> a client can
/// branch on. The one failure type of every service; endpoints turn it into problem details.
/// </summary>
public sealed record Problem(int Status, string Title, string? Detail, string? Reason)
{
    public const string ValidationTitle = "One or more validation errors occurred.";

    /// <summary>Field errors of a 400, keyed by the JSON path of the field (<c>owners[1].nationalId</c>).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Further members of the problem document (e.g. the file number that already exists).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, ValidationTitle, null, null) { Errors = errors };

    public static Problem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static Problem Invalid(ValidationErrors errors) => Invalid(errors.ToDictionary());

    /// <summary>401: the credentials presented are not (or no longer) good; <paramref name="reason"/> says why.</summary>
    public static Problem Unauthorized(string reason, string title, string detail) =>
        new(StatusCodes.Status401Unauthorized, title, detail, reason);

    /// <summary>403: the caller may not do this; <paramref name="reason"/> says which rule refused.</summary>
    public static Problem Forbidden(string reason, string detail) =>
        new(StatusCodes.Status403Forbidden, "The caller is not allowed to do this.", detail, reason);

    public static Problem NotFound(string title, string detail) =>
        new(StatusCodes.Status404NotFound, title, detail, null);

    /// <summary>409: the state of what the request is about does not allow it (now).</summary>
    public static Problem Conflict(string reason, string title, string detail) =>
        new(StatusCodes.Status409Conflict, title, detail, reason);

    public static Problem TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "The request is too large.", detail, "TooLarge");

    public static Problem UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported content.", detail, "UnsupportedMediaType");

    /// <summary>422: well formed, but it contradicts what was sent before (an idempotency key reused with another body).</summary>
    public static Problem Unprocessable(string reason, string title, string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, title, detail, reason);

    /// <summary>503: a service this request depends on answered, but not with anything usable.</summary>
    public static Problem Unavailable(string service) =>
        new(StatusCodes.Status503ServiceUnavailable, "A service this request depends on is unavailable.", $"The {service} service could not answer.", "DependencyFailed");

    /// <summary>The same problem with one more member in its document.</summary>
    public Problem With(string name, object? value) =>
        this with { Extensions = new Dictionary<string, object?>(Extensions) { [name] = value } };
}
