namespace ZohoCrm.Simulator.Model;

internal enum RecordState
{
    Live = 0,
    Recycled = 1,
    Purged = 2,
}
