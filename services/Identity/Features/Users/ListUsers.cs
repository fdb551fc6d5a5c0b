namespace CityEServices.Identity.Features.Users;

/// <summary>Users by name; <c>q</c> finds a part of the name, an office code or a national ID.</summary>
public sealed class ListUsers(IdentityDbContext db)
{
    public const int MaxQueryLength = 64;

    public async Task<Outcome<Page<UserResponse>>> HandleAsync(string? page, string? pageSize, string? q, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        var text = Iran.PersianText.NormalizeDigits(q)?.Trim();
        if (text?.Length > MaxQueryLength)
        {
            errors.Add("q", $"q must be at most {MaxQueryLength} characters.");
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        IQueryable<CityUser> users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(text))
        {
            var name = "%" + Escape(text.ToLowerInvariant()) + "%";
            var upper = text.ToUpperInvariant();
            users = users.Where(u => EF.Functions.Like(u.UserName, name, "\\") || u.OfficeCode == upper || u.NationalId == text);
        }

        return await users.OrderBy(u => u.UserName).ToPageAsync(request, UserResponse.From, cancellationToken);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
