-- CreateIndex
CREATE INDEX "Attendance_eventId_status_personId_idx" ON "Attendance"("eventId", "status", "personId");
