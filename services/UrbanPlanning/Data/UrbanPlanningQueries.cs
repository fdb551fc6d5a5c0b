namespace CityEServices.UrbanPlanning.Data;

/// <summary>The reads more than one use case makes.</summary>
public static class UrbanPlanningQueries
{
    /// <summary>The file with this (canonical) number, read-only; null when there is none.</summary>
    public static Task<UrbanPlanningFile?> FindFileAsync(this UrbanPlanningDbContext db, string fileNumber, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.FileNumber == fileNumber, cancellationToken);

    /// <summary>The file's own timeline (hand-overs, owners' changes), oldest first.</summary>
    public static Task<List<FileChange>> FileChangesAsync(this UrbanPlanningDbContext db, string fileNumber, CancellationToken cancellationToken) =>
        db.FileChanges.AsNoTracking().Where(c => c.FileNumber == fileNumber).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>A request with its history, and its file; tracked when it is to be changed.</summary>
    public static async Task<(ServiceRequest Request, UrbanPlanningFile File)?> FindRequestAsync(
        this UrbanPlanningDbContext db, Guid requestId, bool forUpdate, CancellationToken cancellationToken)
    {
        IQueryable<ServiceRequest> requests = db.Requests.Include(r => r.Transitions);
        var request = await (forUpdate ? requests : requests.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null
            ? null
            : (request, await db.Files.AsNoTracking().SingleAsync(f => f.FileNumber == request.FileNumber, cancellationToken));
    }

    /// <summary>A file's requests with their histories, oldest first, read-only.</summary>
    public static Task<List<ServiceRequest>> RequestsOfFileAsync(this UrbanPlanningDbContext db, string fileNumber, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking().Include(r => r.Transitions)
            .Where(r => r.FileNumber == fileNumber).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The file's latest issued building permit, which waste contracts, supervision and completion build on.</summary>
    public static Task<ServiceRequest?> IssuedBuildingPermitAsync(this UrbanPlanningDbContext db, string fileNumber, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking()
            .Where(r => r.FileNumber == fileNumber && r.ServiceType == ServiceTypes.BuildingPermit && r.Status == RequestStatus.Issued)
            .OrderByDescending(r => r.ClosedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
