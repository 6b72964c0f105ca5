-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "uscc" TEXT;
