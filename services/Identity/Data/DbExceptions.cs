using Npgsql;

namespace CityEServices.Identity.Data;

public static class DbExceptions
{
    /// <summary>True when a unique index refused the write (PostgreSQL 23505), however deeply it is wrapped.</summary>
    public static bool IsUniqueViolation(this Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
