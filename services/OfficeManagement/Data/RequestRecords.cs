namespace CityEServices.OfficeManagement.Data;

public static class RequestRecords
{
    /// <summary>
    /// The tracked record of a request, started if this is the first event about it, and locked until the
    /// transaction ends. Two events of one request arrive on two queues and are consumed at once: the row
    /// lock folds them one after the other, each into what the other committed, so neither fails on the
    /// key (both inserting) or on xmin (both updating) and is left to MassTransit's retry.
    /// </summary>
    public static async Task<RequestRecord> LockRequestAsync(
        this OfficeManagementDbContext db, Guid requestId, string officeCode, string serviceType, string fileNumber, CancellationToken cancellationToken)
    {
        var started = RequestRecord.Start(requestId, officeCode.Trim().ToUpperInvariant(), serviceType, fileNumber);
        // A racing first insert waits for the other transaction: if it commits, this one inserts nothing.
        // The rest of the row is as Start leaves it: nothing counted yet.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO request_records
                (request_id, office_code, service_type, file_number, return_count, returned_for_missing_documents, rejected, sla_breached, waited_for_documents)
            VALUES ({started.RequestId}, {started.OfficeCode}, {started.ServiceType}, {started.FileNumber}, 0, false, false, false, false)
            ON CONFLICT (request_id) DO NOTHING
            """, cancellationToken);

        // xmin is a system column, not in *, and EF needs it: it is the record's concurrency token.
        return await db.RequestRecords
            .FromSql($"SELECT *, xmin FROM request_records WHERE request_id = {requestId} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}
