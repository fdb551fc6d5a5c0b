using CityEServices.OfficeManagement.Domain;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.OfficeManagement.Data;

public static class RequestRecords
{
    /// <summary>
    /// The tracked record of a request, started if this is the first event about it. Two first events
    /// racing both insert; the loser's transaction fails on the key and MassTransit's retry finds the row.
    /// </summary>
    public static async Task<RequestRecord> FindOrStartRequestAsync(
        this OfficeManagementDbContext db, Guid requestId, string officeCode, string serviceType, string fileNumber, CancellationToken cancellationToken)
    {
        var record = await db.RequestRecords.FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        if (record is null)
        {
            record = RequestRecord.Start(requestId, officeCode.Trim().ToUpperInvariant(), serviceType, fileNumber);
            db.RequestRecords.Add(record);
        }

        return record;
    }
}
