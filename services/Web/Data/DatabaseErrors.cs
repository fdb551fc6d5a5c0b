using Npgsql;

namespace CityEServices.Web.Data;

public static class DatabaseErrors
{
    /// <summary>
    /// True when a unique index refused the write (PostgreSQL 23505), however deeply EF wrapped it;
    /// with <paramref name="constraint"/>, only when it was that index: a race lost to a concurrent
    /// request, which the caller answers as the 409 the loser would have had anyway.
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception, string? constraint = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                return constraint is null || unique.ConstraintName == constraint;
            }
        }

        return false;
    }
}
