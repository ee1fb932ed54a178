using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Storage;

/// <summary>
/// An org's recycle bin: deleting moves a live record in as the API user, noting the time and the call (and, with
/// <see cref="SimulatorOptions.DeleteCascadesToNotesAndAttachments"/>, its notes and attachments with it); purging
/// takes a recycled record out for good, noting the call.
/// </summary>
internal sealed class RecycleBin(SimOrg org)
{
    /// <summary>
    /// Moves a live record to the recycle bin as the API user, noting the call; with
    /// <see cref="SimulatorOptions.DeleteCascadesToNotesAndAttachments"/> its notes and attachments (and the notes'
    /// attachments) go with it.
    /// </summary>
    public DeleteOutcome Delete(ModuleStore store, long id, SimCall? call)
    {
        var deletion = new RecordDeletion(org.Now.ToUnixTimeSeconds(), org.Users[0], call, withParent: false);
        var outcome = store.Delete(id, deletion);
        if (outcome != DeleteOutcome.Deleted)
        {
            return outcome;
        }

        org.Counters.CountDeleted();
        if (org.Options.DeleteCascadesToNotesAndAttachments && store.Schema.ApiName != Schemas.Attachments)
        {
            var withParent = new RecordDeletion(deletion.Unix, deletion.User, call, withParent: true);
            foreach (var note in org.Children(Schemas.Notes, id))
            {
                if (org.Store(Schemas.Notes).Delete(note.Id, withParent) == DeleteOutcome.Deleted)
                {
                    org.Counters.CountDeleted();
                    DeleteChildren(Schemas.Attachments, note.Id, withParent);
                }
            }

            DeleteChildren(Schemas.Attachments, id, withParent);
        }

        return outcome;
    }

    /// <summary>Deletes a recycled record for good, noting the call; false when it is not in the recycle bin.</summary>
    public bool Purge(long id, SimCall? call)
    {
        foreach (var store in org.Stores)
        {
            if (store.Find(id) is { } r)
            {
                return !org.IsExpiredFromBin(r) && store.Purge(id, new RecordPurge(org.Now.ToUnixTimeSeconds(), call));
            }
        }

        return false;
    }

    private void DeleteChildren(string module, long parentId, RecordDeletion deletion)
    {
        foreach (var child in org.Children(module, parentId))
        {
            if (org.Store(module).Delete(child.Id, deletion) == DeleteOutcome.Deleted)
            {
                org.Counters.CountDeleted();
            }
        }
    }
}
